package io.passerelle.tables;

import static org.assertj.core.api.Assertions.assertThat;

import io.passerelle.tables.TableNameMatcher.Candidate;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableNameMatcherTest {

    @Test
    void normalisingDropsCaseAccentsSpacesAndPunctuation() {
        assertThat(TableNameMatcher.normalise(" Terrazza-3 ")).isEqualTo("terrazza3");
        assertThat(TableNameMatcher.normalise("Salle à Manger")).isEqualTo("salleamanger");
        assertThat(TableNameMatcher.normalise("Tisch Nr. 5")).isEqualTo("tischnr5");
        assertThat(TableNameMatcher.normalise("ÉTAGE")).isEqualTo("etage");
    }

    @Test
    void aTableNumberIsFoundWhateverTheWordForTable() {
        for (String name : List.of("T12", "t 12", "Table 12", "TAVOLO 12", "tavola-12", "Tisch 12", "Mesa 12", "12",
                "T012", "Tav. 12")) {
            assertThat(TableNameMatcher.tableNumber(name)).as(name).contains("12");
        }
        assertThat(TableNameMatcher.tableNumber("Terrazza 12")).isEmpty();
        assertThat(TableNameMatcher.tableNumber("Bar")).isEmpty();
        assertThat(TableNameMatcher.tableNumber("T0")).contains("0");
    }

    @Test
    void onlyTheVerySameNameIsExact() {
        assertThat(TableNameMatcher.exact("T12", "T12")).isTrue();
        assertThat(TableNameMatcher.exact("t12", "T12")).isFalse();
        assertThat(TableNameMatcher.exact("T12 ", "T12")).isFalse();
        assertThat(TableNameMatcher.similarity("T12", "T12")).isEmpty();
    }

    @Test
    void closeNamesSayHowTheyDiffer() {
        assertThat(TableNameMatcher.similarity("t12", "T12")).contains(Similarity.CASE);
        assertThat(TableNameMatcher.similarity("T 12", "T12")).contains(Similarity.SPELLING);
        assertThat(TableNameMatcher.similarity("Cheminee", "Cheminée")).contains(Similarity.SPELLING);
        assertThat(TableNameMatcher.similarity("Table 12", "T12")).contains(Similarity.NUMBER);
        assertThat(TableNameMatcher.similarity("Tavolo 12", "T12")).contains(Similarity.NUMBER);
        assertThat(TableNameMatcher.similarity("Tisch 12", "Table 12")).contains(Similarity.NUMBER);
        assertThat(TableNameMatcher.similarity("12", "Tavolo 12")).contains(Similarity.NUMBER);
    }

    @Test
    void unrelatedNamesAreNotSuggested() {
        assertThat(TableNameMatcher.similarity("T12", "T13")).isEmpty();
        assertThat(TableNameMatcher.similarity("T12", "T120")).isEmpty();
        assertThat(TableNameMatcher.similarity("Terrazza 12", "T12")).isEmpty();
        assertThat(TableNameMatcher.similarity("Bar", "Bar 2")).isEmpty();
    }

    @Test
    void suggestionsComeClosestFirstThenByName() {
        List<String> tables = List.of("Tavolo 12", "T13", "t12", "T 12", "Table 12", "Bar");

        List<Candidate<String>> suggestions = TableNameMatcher.suggestions("T12", tables, name -> name);

        assertThat(suggestions).extracting(Candidate::table).containsExactly("t12", "T 12", "Table 12", "Tavolo 12");
        assertThat(suggestions).extracting(Candidate::similarity)
                .containsExactly(Similarity.CASE, Similarity.SPELLING, Similarity.NUMBER, Similarity.NUMBER);
    }
}
