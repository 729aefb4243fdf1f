package nl.expertpool.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What the API refuses before a controller runs, answered as {@code application/problem+json} like
 * everything else: a body over the size limit (413, before anything reads it, so that no endpoint
 * acts on a request it would not take), a call that would change something without saying it sends
 * JSON (415, even without a body: a form of another site cannot send JSON, so it cannot make a
 * browser call the API with credentials it remembers), and the errors that filters send rather than
 * throw (the security's 401 and 403, the firewall's 400 for a malformed path), which would
 * otherwise get the container's error page.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class ServletProblemFilter extends OncePerRequestFilter {

  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

  private final long maxBody;

  ServletProblemFilter(@Value("${expertpool.web.max-request-size}") DataSize maxBody) {
    this.maxBody = maxBody.toBytes();
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    // "/api" and not "/api/": an encoded slash ("/api%2Fprojects") is the API's too.
    return !request.getRequestURI().startsWith("/api");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    HttpServletRequest limited = request;
    if (!SAFE_METHODS.contains(request.getMethod()) && !isJson(request.getContentType())) {
      ProblemResponseWriter.write(
          response,
          HttpStatus.UNSUPPORTED_MEDIA_TYPE,
          "A call that changes something takes Content-Type: application/json, also when it has"
              + " no body; nothing was stored.");
      return;
    }
    if (request.getContentLengthLong() > maxBody) {
      tooLarge(response);
      return;
    }
    if (request.getContentLengthLong() < 0 && request.getHeader("Transfer-Encoding") != null) {
      // Chunked: the length is known only once read, so read it here, at most the limit.
      byte[] body = request.getInputStream().readNBytes((int) Math.min(maxBody + 1, 1 << 30));
      if (body.length > maxBody) {
        tooLarge(response);
        return;
      }
      limited = new ReadBody(request, body);
    }
    chain.doFilter(limited, new ProblemOnSendError(response));
  }

  static boolean isJson(String contentType) {
    if (contentType == null) {
      return false;
    }
    try {
      MediaType type = MediaType.parseMediaType(contentType);
      return MediaType.APPLICATION_JSON.equalsTypeAndSubtype(type)
          || ("application".equals(type.getType()) && type.getSubtype().endsWith("+json"));
    } catch (InvalidMediaTypeException e) {
      return false;
    }
  }

  private void tooLarge(HttpServletResponse response) throws IOException {
    response.setHeader("Connection", "close");
    ProblemResponseWriter.write(
        response,
        HttpStatus.PAYLOAD_TOO_LARGE,
        "The request body is larger than " + DataSize.ofBytes(maxBody).toKilobytes() + " KB.");
  }

  private static String detail(HttpStatus status) {
    return switch (status) {
      case UNAUTHORIZED ->
          "Sign in: the API takes HTTP Basic authentication with a valid username and password.";
      case FORBIDDEN -> "Your role may not do this.";
      case BAD_REQUEST -> "The request is malformed; nothing was stored.";
      default -> status.getReasonPhrase() + "; nothing was stored.";
    };
  }

  /** Writes the problem where the container would show its error page. */
  private final class ProblemOnSendError extends HttpServletResponseWrapper {

    ProblemOnSendError(HttpServletResponse response) {
      super(response);
    }

    @Override
    public void sendError(int code) throws IOException {
      sendError(code, null);
    }

    @Override
    public void sendError(int code, String message) throws IOException {
      HttpStatus status = HttpStatus.resolve(code);
      if (status == null || isCommitted()) {
        super.sendError(code, message);
        return;
      }
      ProblemResponseWriter.write((HttpServletResponse) getResponse(), status, detail(status));
    }
  }

  /** A request whose body was read already, to check its size. */
  private static final class ReadBody extends HttpServletRequestWrapper {

    private final byte[] body;

    ReadBody(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }

    @Override
    public ServletInputStream getInputStream() {
      var in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException("The body was read already");
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      String encoding = getCharacterEncoding();
      Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
      return new BufferedReader(new InputStreamReader(getInputStream(), charset));
    }
  }
}
