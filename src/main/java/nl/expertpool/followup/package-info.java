/**
 * The agenda's year after the handover: each action's owner reports its status every few weeks
 * through a personal link, a silent owner is reminded, and a follow-up session ends it.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Agenda follow-up",
    allowedDependencies = {
      "audit",
      "forms",
      "jobs",
      "milestone",
      "notification",
      "privacy",
      "project",
      "security",
      "session",
      "tasks",
      "web"
    })
package nl.expertpool.followup;
