"""The nnviz desktop application: main window, menus, command line."""
