/**
 * Who may do what: roles, the candidate groups they stand for, and the users, stored in PostgreSQL
 * or signed in by an OIDC identity provider. HTTP Basic for the API; form and OIDC login for pages.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Security",
    allowedDependencies = {"audit", "runtime", "web"})
package nl.expertpool.security;
