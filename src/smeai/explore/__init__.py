"""Interactive explorers, one file per module. Plain functions hold the logic (tested without a
browser); the widget functions only connect it to the screen."""
