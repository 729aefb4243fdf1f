/** The client-visible milestones of each project, written by the process itself. */
@org.springframework.modulith.ApplicationModule(displayName = "Milestones")
package nl.expertpool.milestone;
