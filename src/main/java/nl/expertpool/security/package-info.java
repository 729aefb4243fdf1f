/**
 * Who may do what: roles, the candidate groups they stand for, and the users of the embedded
 * default. HTTP Basic for the API; the workspace issue adds pages and stored users.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Security")
package nl.expertpool.security;
