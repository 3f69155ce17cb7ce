"""The interview: the engine that orders the questions, the session that opens one, and the terminal askers."""
