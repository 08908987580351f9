"""Administrative reconsideration and litigation that follow disclosure decisions (table 四)."""
