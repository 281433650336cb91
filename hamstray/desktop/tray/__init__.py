"""The tray icon: one menu model, drawn by the backend this session offers."""
