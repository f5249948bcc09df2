"""Word lists shipped with the toolkit (data files, loaded by the modules that use them)."""
