"""What the learner sees, shared by every module: one message box (:mod:`.messagebox`) and one
explorer scaffold (:mod:`.explorer`). Importing this package imports no widgets."""
