package nl.expertpool.web;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** CSV downloads: RFC 4180 with a header row, UTF-8, as a named attachment. */
public final class Csv {

  public static final String MEDIA_TYPE = "text/csv";

  private Csv() {}

  public static ResponseEntity<String> download(
      String fileName, List<String> header, List<List<?>> rows) {
    var out = new StringWriter();
    try (var printer =
        new CSVPrinter(
            out, CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get())) {
      for (List<?> row : rows) {
        printer.printRecord(row);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
        .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
        .body(out.toString());
  }
}
