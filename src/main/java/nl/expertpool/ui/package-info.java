/**
 * The web pages: sign-in, the client portal with each project's milestones, the project managers'
 * dashboard, and the task inbox where staff, experts and clients complete their forms. Rendered on
 * the server (Thymeleaf, htmx and Pico CSS from webjars), in English and Dutch.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Pages")
package nl.expertpool.ui;
