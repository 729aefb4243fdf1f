/**
 * Retention and data subject rights: anonymises personal data — for a whole project after its
 * retention period, or for one person on request — and exports everything stored about a person. It
 * owns no table: every module that stores personal data implements {@link
 * nl.expertpool.privacy.PersonalDataHolder} and does its own part, and the module that signs people
 * up tells who they are ({@link nl.expertpool.privacy.DataSubjectLookup}).
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Privacy",
    allowedDependencies = {"audit", "jobs", "project", "security", "web"})
package nl.expertpool.privacy;
