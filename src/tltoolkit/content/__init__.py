"""What the web pages and the printed documents share: labels, role facts, job descriptions, reviews."""
