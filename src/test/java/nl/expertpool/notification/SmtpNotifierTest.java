package nl.expertpool.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.util.UUID;
import nl.expertpool.notification.Messenger.Recipient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.mail.MailSenderAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Notifications go out by e-mail when {@code spring.mail.host} is set, else to the log. */
class SmtpNotifierTest {

  @RegisterExtension
  static GreenMailExtension mailServer = new GreenMailExtension(ServerSetupTest.SMTP);

  private final ApplicationContextRunner context =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(MailSenderAutoConfiguration.class))
          .withUserConfiguration(NotificationConfiguration.class, Messenger.class);

  @Test
  void withAMailHostADutchSpeakerGetsTheDutchTextByEMail() {
    context
        .withPropertyValues(
            "spring.mail.host=127.0.0.1",
            "spring.mail.port=" + mailServer.getSmtp().getPort(),
            "expertpool.mail.from=pool@gemeente.example")
        .run(
            app -> {
              assertThat(app).getBean(Notifier.class).isInstanceOf(SmtpNotifier.class);

              app.getBean(Messenger.class)
                  .send(
                      new Recipient(UUID.randomUUID(), "olena@example.org", null, "nl"),
                      "application-accepted",
                      "Almere 2026");

              MimeMessage[] received = mailServer.getReceivedMessages();
              assertThat(received).hasSize(1);
              assertThat(received[0].getAllRecipients()[0]).hasToString("olena@example.org");
              assertThat(received[0].getFrom()[0]).hasToString("pool@gemeente.example");
              assertThat(received[0].getSubject()).isEqualTo("Welkom in de expertpool Almere 2026");
              assertThat(GreenMailUtil.getBody(received[0]))
                  .contains("Je bent nu expert in de pool \"Almere 2026\"");
            });
  }

  @Test
  void someoneWithoutAnEMailAddressIsSkippedNotFailed() {
    context
        .withPropertyValues(
            "spring.mail.host=127.0.0.1", "spring.mail.port=" + mailServer.getSmtp().getPort())
        .run(
            app -> {
              app.getBean(Messenger.class)
                  .send(
                      new Recipient(UUID.randomUUID(), null, "+31 6 1234 5678", "en"),
                      "application-received",
                      "Almere 2026");

              assertThat(mailServer.getReceivedMessages()).isEmpty();
            });
  }

  @Test
  void withoutAMailHostNotificationsGoToTheLog() {
    context.run(app -> assertThat(app).getBean(Notifier.class).isInstanceOf(LoggingNotifier.class));
  }
}
