package nl.expertpool.project;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface ClientOrganisations extends JpaRepository<ClientOrganisation, UUID> {
  Optional<ClientOrganisation> findByName(String name);

  boolean existsByNameIgnoreCase(String name);

  List<ClientOrganisation> findAllByOrderByNameAsc();

  @Modifying
  @Query(
      value =
          "insert into client_organisation (id, name, created_at) values (:id, :name, :createdAt)"
              + " on conflict (name) do nothing",
      nativeQuery = true)
  int insertIfAbsent(UUID id, String name, Instant createdAt);
}
