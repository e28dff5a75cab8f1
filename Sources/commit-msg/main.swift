print("commit-msg")
