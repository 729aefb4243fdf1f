package nl.expertpool.web;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * CSV downloads: RFC 4180 with a header row, UTF-8, as a named attachment. Text that a spreadsheet
 * would run as a formula (a cell starting with {@code = + - @}, a tab or a carriage return: what
 * applicants and interviewees typed may be such text) gets a leading apostrophe, as OWASP advises
 * against CSV injection; numbers stay numbers.
 */
public final class Csv {

  public static final String MEDIA_TYPE = "text/csv";

  private static final String FORMULA_STARTS = "=+-@\t\r";

  private Csv() {}

  /** A table to download: the file's name, the header row and the rows. */
  public record Table(String fileName, List<String> header, List<List<?>> rows) {}

  public static ResponseEntity<String> download(Table table) {
    return download(table.fileName(), table.header(), table.rows());
  }

  public static ResponseEntity<String> download(
      String fileName, List<String> header, List<List<?>> rows) {
    var out = new StringWriter();
    try (var printer =
        new CSVPrinter(
            out, CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get())) {
      for (List<?> row : rows) {
        printer.printRecord(row.stream().map(Csv::cell).toList());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
        .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
        .body(out.toString());
  }

  /** The value as a spreadsheet may read it without running anything. */
  static Object cell(Object value) {
    if (value == null || value instanceof Number || value instanceof Boolean) {
      return value;
    }
    String text = value.toString();
    if (!text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0) {
      return "'" + text;
    }
    return text;
  }
}
