package nl.expertpool.ui;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Language: the browser's (of those the app offers, {@link nl.expertpool.web.Languages}) until the
 * user picks one with {@code ?lang=}, which a cookie then remembers.
 */
@Configuration(proxyBeanMethods = false)
class PageConfiguration implements WebMvcConfigurer {

  private final nl.expertpool.web.Languages languages;

  PageConfiguration(nl.expertpool.web.Languages languages) {
    this.languages = languages;
  }

  @Bean
  LocaleResolver localeResolver() {
    var resolver = new CookieLocaleResolver(ExpertLanguage.COOKIE);
    resolver.setCookieMaxAge(Duration.ofDays(365));
    resolver.setDefaultLocaleFunction(
        request -> {
          var preferred =
              Locale.LanguageRange.parse(headerOrEnglish(request.getHeader("Accept-Language")));
          Locale match = Locale.lookup(preferred, languages.offered());
          return match == null ? Locale.ENGLISH : match;
        });
    return resolver;
  }

  private static String headerOrEnglish(String header) {
    return header == null || header.isBlank() ? "en" : header;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(new OfferedLanguageChange(languages));
  }

  /** Takes {@code ?lang=} only for a language the app offers; anything else is ignored. */
  static final class OfferedLanguageChange extends LocaleChangeInterceptor {

    private final nl.expertpool.web.Languages languages;

    OfferedLanguageChange(nl.expertpool.web.Languages languages) {
      this.languages = languages;
      setParamName("lang");
      setIgnoreInvalidLocale(true);
    }

    @Override
    public boolean preHandle(
        HttpServletRequest request, HttpServletResponse response, Object handler)
        throws ServletException {
      String asked = request.getParameter(getParamName());
      if (asked == null || !languages.offers(asked)) {
        return true;
      }
      return super.preHandle(request, response, handler);
    }
  }
}
