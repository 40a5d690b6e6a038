using HighServiceDashboard.Domain.Agencies;

namespace HighServiceDashboard.Domain.Access;

/// <summary>The roles of the programme, from the commission down to a unit's staff.</summary>
public enum Role
{
    /// <summary>研考會管理者: everything, city-wide, including schedule, rubrics, agencies and accounts.</summary>
    CommissionAdmin,

    /// <summary>研考會承辦: reads everything, reviews first-level agencies' plans and results, enters phone tests.</summary>
    CommissionReviewer,

    /// <summary>機關首長: the agency and its subordinates; edits the agency's own plan, reviews the subordinates'.</summary>
    AgencyHead,

    /// <summary>機關管考承辦 (usually in the secretariat): as the head.</summary>
    AgencyCoordinator,

    /// <summary>單位承辦人: reads the agency; edits the focus points and results of the own unit; approves nothing.</summary>
    UnitStaff,
}

/// <summary>Who is acting: the account, its role, and the agency (and unit) it belongs to.</summary>
public sealed record Principal(string UserId, Role Role, int AgencyId, int? UnitId = null)
{
    public bool IsCommission => Role is Role.CommissionAdmin or Role.CommissionReviewer;
}

/// <summary>
/// Who may see and change what. Every page, action and endpoint asks here; the answers depend on
/// the person's role and where the agency in question stands in the tree relative to theirs.
/// </summary>
public sealed class AccessPolicy
{
    private readonly IReadOnlyDictionary<int, int?> _parentOf;
    private readonly IReadOnlyDictionary<int, AgencyLevel> _levelOf;

    public AccessPolicy(IEnumerable<(int Id, int? ParentId, AgencyLevel Level)> agencies)
    {
        var list = agencies.ToList();
        _parentOf = list.ToDictionary(a => a.Id, a => a.ParentId);
        _levelOf = list.ToDictionary(a => a.Id, a => a.Level);
    }

    /// <summary>The agencies a person may read: all for the commission, their agency and its subordinates for heads and coordinators, their agency for staff.</summary>
    public bool CanRead(Principal who, int agencyId) => who.Role switch
    {
        Role.CommissionAdmin or Role.CommissionReviewer => true,
        Role.AgencyHead or Role.AgencyCoordinator => agencyId == who.AgencyId || IsBelow(agencyId, who.AgencyId),
        Role.UnitStaff => agencyId == who.AgencyId,
        _ => false,
    };

    /// <summary>
    /// Editing an agency's plan or results: the commission's administrators, and the agency's own
    /// head and coordinator. Staff edit only what their unit owns (<see cref="CanEditUnitContent"/>).
    /// </summary>
    public bool CanEditAgencyContent(Principal who, int agencyId) => who.Role switch
    {
        Role.CommissionAdmin => true,
        Role.AgencyHead or Role.AgencyCoordinator => agencyId == who.AgencyId,
        _ => false,
    };

    /// <summary>Staff edit the focus points and results of their own unit in their own agency.</summary>
    public bool CanEditUnitContent(Principal who, int agencyId, IEnumerable<int> unitIds) =>
        CanEditAgencyContent(who, agencyId) || (CanEditOwnUnitParts(who, agencyId) && unitIds.Contains(who.UnitId!.Value));

    /// <summary>Opening the agency's plan to edit: all of it, or (staff) the points of their unit.</summary>
    public bool CanEditSomeOfPlan(Principal who, int agencyId) => CanEditAgencyContent(who, agencyId) || CanEditOwnUnitParts(who, agencyId);

    /// <summary>Staff with a unit edit the parts of their agency's plan and results that name their unit.</summary>
    public static bool CanEditOwnUnitParts(Principal who, int agencyId) =>
        who is { Role: Role.UnitStaff, UnitId: not null } && who.AgencyId == agencyId;

    /// <summary>
    /// Reviewing (return, approve) an agency's submission: a first-level agency's by the commission,
    /// a second-level agency's by its parent's head or coordinator (and the commission's administrators).
    /// </summary>
    public bool CanReview(Principal who, int agencyId)
    {
        if (!_levelOf.TryGetValue(agencyId, out var level))
        {
            return false;
        }

        return who.Role switch
        {
            Role.CommissionAdmin => true,
            Role.CommissionReviewer => level == AgencyLevel.FirstLevel,
            Role.AgencyHead or Role.AgencyCoordinator => level == AgencyLevel.SecondLevel && _parentOf.GetValueOrDefault(agencyId) == who.AgencyId,
            _ => false,
        };
    }

    /// <summary>Nobody approves their own submission, whatever their role.</summary>
    public static bool MayDecideOn(Principal who, string? submittedBy) => submittedBy is null || submittedBy != who.UserId;

    /// <summary>The schedule, rubrics, agencies, accounts and the job dashboard: the commission's administrators only.</summary>
    public static bool CanAdminister(Principal who) => who.Role == Role.CommissionAdmin;

    /// <summary>
    /// Importing plan documents: whoever stores a whole plan for some agency (the commission's
    /// administrators, agency heads and coordinators). Checked before an uploaded document is read at
    /// all, since reading a document is the costly and exposed part; storing one checks the agency again.
    /// </summary>
    public static bool CanImportPlans(Principal who) => who.Role is Role.CommissionAdmin or Role.AgencyHead or Role.AgencyCoordinator;

    /// <summary>Phone courtesy tests are entered by the commission.</summary>
    public static bool CanEnterPhoneTests(Principal who) => who.IsCommission;

    /// <summary>The ids a person may read, for queries scoped in the database; null means every agency.</summary>
    public IReadOnlySet<int>? ReadableAgencies(Principal who) => who.IsCommission
        ? null
        : _parentOf.Keys.Where(id => CanRead(who, id)).ToHashSet();

    private bool IsBelow(int agencyId, int ancestorId)
    {
        for (var current = _parentOf.GetValueOrDefault(agencyId); current is { } id; current = _parentOf.GetValueOrDefault(id))
        {
            if (id == ancestorId)
            {
                return true;
            }
        }

        return false;
    }
}
