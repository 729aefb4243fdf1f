package nl.expertpool.pools;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * What a project manager gives to start a standing pool. A certification stays valid 24 months and
 * a member without a project stays 24 months, unless given otherwise.
 */
public record NewPool(
    @NotBlank @Size(max = 200) String name,
    @NotBlank @Size(max = 120) String region,
    @Min(1) @Max(120) Integer certificationMonths,
    @Min(1) @Max(120) Integer membershipMonths) {

  public static final int DEFAULT_CERTIFICATION_MONTHS = 24;
  public static final int DEFAULT_MEMBERSHIP_MONTHS = 24;
}
