/**
 * The stakeholder session: its plan with the invited organisations (whose contacts live only here),
 * invitations and reminders, and the outcome — participants, the shared insight and the action
 * agenda, each action traced to the insights (themes) behind it.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Stakeholder session",
    allowedDependencies = {
      "audit",
      "forms",
      "insight",
      "interview",
      "jobs",
      "notification",
      "privacy",
      "project",
      "recruitment",
      "remuneration",
      "security",
      "tasks",
      "web"
    })
package nl.expertpool.session;
