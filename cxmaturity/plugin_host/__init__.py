"""The plugin host: the hook specifications, the manager that loads plugins and calls their hooks, and its checks."""
