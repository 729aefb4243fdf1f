package nl.expertpool.lifecycle;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import nl.expertpool.notification.Notification;
import nl.expertpool.notification.Notifier;

/** Keeps every notification the app sends, instead of logging or e-mailing it. */
public class RecordingNotifier implements Notifier {

  private final List<Notification> delivered = new CopyOnWriteArrayList<>();

  @Override
  public void deliver(Notification notification) {
    delivered.add(notification);
  }

  public List<Notification> delivered() {
    return delivered;
  }

  /** Every subject names the project, so this tells whose messages they were. */
  public List<Notification> about(String projectName) {
    return delivered.stream().filter(n -> n.subject().contains(projectName)).toList();
  }
}
