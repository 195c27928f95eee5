package io.passerelle.tables;

/** How a POS table name resembles a dining table's name that is not exactly the same; strongest first. */
public enum Similarity {
    /** Only upper and lower case differ: "t12" and "T12". */
    CASE,
    /** Case, accents, spaces or punctuation differ: "Terrazza-3" and "terrazza 3", "Salle é" and "Salle E". */
    SPELLING,
    /** The same table number with another word for table, or none: "T12", "Table 12", "Tavolo 12", "Tisch 12", "12". */
    NUMBER
}
