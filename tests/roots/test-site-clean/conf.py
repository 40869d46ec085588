project = "t"
