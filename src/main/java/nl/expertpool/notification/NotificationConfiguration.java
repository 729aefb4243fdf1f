package nl.expertpool.notification;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.mail.javamail.JavaMailSender;

@Configuration(proxyBeanMethods = false)
class NotificationConfiguration {

  @Bean
  @ConditionalOnProperty("spring.mail.host")
  Notifier smtpNotifier(
      JavaMailSender mail, @Value("${expertpool.mail.from:expertpool@localhost}") String from) {
    return new SmtpNotifier(mail, from);
  }

  @Bean
  @ConditionalOnMissingBean(Notifier.class)
  Notifier loggingNotifier() {
    return new LoggingNotifier();
  }

  /** Text messages, when an SMS gateway's webhook is configured. */
  @Bean
  @ConditionalOnExpression("!'${expertpool.text-messages.webhook-url:}'.isBlank()")
  TextMessageGateway textMessages(
      @Value("${expertpool.text-messages.webhook-url}") java.net.URI url,
      @Value("${expertpool.text-messages.webhook-token:}") String token) {
    return new WebhookTextMessageGateway(url, token);
  }

  @Bean
  MessageSource notificationTexts() {
    var texts = new ResourceBundleMessageSource();
    texts.setBasename("notifications");
    texts.setDefaultEncoding("UTF-8");
    texts.setFallbackToSystemLocale(false);
    return texts;
  }
}
