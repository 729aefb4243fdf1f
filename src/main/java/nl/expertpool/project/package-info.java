/**
 * Expert-pool projects: their plan and settings, status and phase, and the process that runs them.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Projects",
    allowedDependencies = {"audit", "engine", "jobs", "security", "web"})
package nl.expertpool.project;
