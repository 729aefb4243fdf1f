/**
 * Demo data for the embedded default: one project in each phase, made by driving the real processes
 * through the app's services, so that a first look, a demo or a training shows a working portfolio.
 * Not offered on a cluster, whose clock cannot move.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Demo data",
    allowedDependencies = {
      "audit",
      "engine",
      "milestone",
      "project",
      "recruitment",
      "security",
      "tasks"
    })
package nl.expertpool.demo;
