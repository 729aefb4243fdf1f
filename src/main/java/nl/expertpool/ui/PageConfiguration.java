package nl.expertpool.ui;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Language: the browser's (English or Dutch) until the user picks one with {@code ?lang=}, which a
 * cookie then remembers.
 */
@Configuration(proxyBeanMethods = false)
class PageConfiguration implements WebMvcConfigurer {

  static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.forLanguageTag("nl"));

  @Bean
  LocaleResolver localeResolver() {
    var resolver = new CookieLocaleResolver("expertpool-language");
    resolver.setCookieMaxAge(Duration.ofDays(365));
    resolver.setDefaultLocaleFunction(
        request -> {
          var preferred =
              Locale.LanguageRange.parse(headerOrEnglish(request.getHeader("Accept-Language")));
          Locale match = Locale.lookup(preferred, LANGUAGES);
          return match == null ? Locale.ENGLISH : match;
        });
    return resolver;
  }

  private static String headerOrEnglish(String header) {
    return header == null || header.isBlank() ? "en" : header;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    var change = new LocaleChangeInterceptor();
    change.setParamName("lang");
    registry.addInterceptor(change);
  }
}
