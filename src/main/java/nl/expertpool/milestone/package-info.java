/** The client-visible milestones of each project, written by the process itself. */
@org.springframework.modulith.ApplicationModule(
    displayName = "Milestones",
    allowedDependencies = {"audit", "jobs", "project", "security"})
package nl.expertpool.milestone;
