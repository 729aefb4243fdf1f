package nl.expertpool.security;

/**
 * Which client organisations exist, so that a client account is made only for one of them. The
 * module that owns the organisations implements it; this module cannot ask it by name, since that
 * module depends on this one.
 */
public interface ClientOrganisationCatalog {

  /** Whether a client organisation of exactly this name exists. */
  boolean exists(String name);
}
