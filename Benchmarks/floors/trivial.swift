// Floor for the benchmark: the cheapest Swift process (static stdlib, prints nothing).
