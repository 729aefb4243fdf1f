package nl.expertpool.pools;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A standing pool: its name and region, and its two periods in months. */
@Entity
@Table(name = "standing_pool")
public class StandingPool {

  @Id private UUID id;
  private String name;
  private String region;
  private int certificationMonths;
  private int membershipMonths;
  private Instant createdAt;
  private String createdBy;

  protected StandingPool() {}

  StandingPool(
      String name,
      String region,
      int certificationMonths,
      int membershipMonths,
      Instant createdAt,
      String createdBy) {
    this.id = UUID.randomUUID();
    this.name = name;
    this.region = region;
    this.certificationMonths = certificationMonths;
    this.membershipMonths = membershipMonths;
    this.createdAt = createdAt;
    this.createdBy = createdBy;
  }

  public UUID getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public String getRegion() {
    return region;
  }

  /** How long a certification from training stays valid for the pool's next projects. */
  public int getCertificationMonths() {
    return certificationMonths;
  }

  /** How long a member stays without taking part in a project before their membership ends. */
  public int getMembershipMonths() {
    return membershipMonths;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
