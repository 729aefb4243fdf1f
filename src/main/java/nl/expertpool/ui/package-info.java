/**
 * The web pages: sign-in, the client portal with each project's milestones, the project managers'
 * dashboard, and the task inbox where staff, experts and clients complete their forms. Rendered on
 * the server (Thymeleaf, with Pico CSS and the bpmn-js viewer from webjars), in English and Dutch.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Pages")
package nl.expertpool.ui;
