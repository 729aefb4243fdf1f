package nl.expertpool.web;

import org.apache.tomcat.util.buf.EncodedSolidusHandling;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A path with an encoded slash ({@code %2F}) is handed on undecoded, for Spring Security's firewall
 * to refuse: the API's refusal is then a problem like any other, where Tomcat would answer with an
 * HTML error page of its own. Decoding it stays off, so it never becomes a path separator.
 */
@Configuration(proxyBeanMethods = false)
class EncodedSlashHandling {

  @Bean
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> encodedSlashesToTheFirewall() {
    return factory ->
        factory.addConnectorCustomizers(
            connector ->
                connector.setEncodedSolidusHandling(
                    EncodedSolidusHandling.PASS_THROUGH.getValue()));
  }
}
