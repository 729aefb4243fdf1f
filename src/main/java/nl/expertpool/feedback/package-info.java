/**
 * The feedback round: every expert scores their support for each action of the agenda (1 to 5, with
 * an optional comment); actions the experts support less than 3 on average are flagged and staff
 * revise them once.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Feedback round",
    allowedDependencies = {
      "audit",
      "forms",
      "jobs",
      "notification",
      "privacy",
      "project",
      "recruitment",
      "security",
      "session",
      "tasks"
    })
package nl.expertpool.feedback;
