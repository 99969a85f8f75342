"""What the network graph shows, as pure data: where neurons go and the words on hover."""
