namespace HighServiceDashboard.App;

/// <summary>Marker for the UI strings in Resources/SharedResource*.resx (zh-TW neutral, English in .en).</summary>
public sealed class SharedResource;
