"""Qt views: each draws snapshots and sends commands back as values."""
