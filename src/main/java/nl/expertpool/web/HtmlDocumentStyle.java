package nl.expertpool.web;

import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Standalone HTML documents the app builds (the handover package, the synthesis): their styles are
 * inline, as the PDF renderer needs them, so they get a policy of their own that allows those
 * styles and nothing else at all: no script, no request anywhere.
 */
public final class HtmlDocumentStyle {

  public static final String CONTENT_SECURITY_POLICY =
      "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none';"
          + " base-uri 'none'; form-action 'none'";

  private HtmlDocumentStyle() {}

  public static ResponseEntity<String> of(String html) {
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "html", StandardCharsets.UTF_8))
        .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        .header("Cache-Control", "no-store")
        .body(html);
  }
}
