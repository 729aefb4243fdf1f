/** Messages to applicants and experts, in English or Dutch, through a {@link Notifier}. */
@org.springframework.modulith.ApplicationModule(
    displayName = "Notifications",
    allowedDependencies = {})
package nl.expertpool.notification;
