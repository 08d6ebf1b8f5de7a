"""What every stage runs on: the one atomic writer, process pools and the memory policy."""
