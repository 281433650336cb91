"""What hamstray keeps on disk: the history, its paths, atomic files and the shipped assets."""
