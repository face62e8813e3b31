using System.Text.Json.Serialization;

namespace BoardDesk.Interests;

/// <summary>The four categories of interest of NHS England's "Managing conflicts of interest in the NHS".</summary>
[JsonConverter(typeof(JsonStringEnumConverter<InterestCategory>))]
[GenerateSerializer, Alias("BoardDesk.Interests.InterestCategory")]
public enum InterestCategory
{
    /// <summary>A financial interest: a directorship, shareholding, employment, consultancy or contract.</summary>
    Financial,

    /// <summary>A non-financial professional interest: an advisory, clinical or professional role that could bear on a decision.</summary>
    NonFinancialProfessional,

    /// <summary>A non-financial personal interest: membership of a charity, campaign or voluntary body.</summary>
    NonFinancialPersonal,

    /// <summary>An indirect interest: a close associate's interest (family, partner, business partner).</summary>
    Indirect,
}
