variable "environment" {
  description = "dev, staging or prd."
  type        = string

  validation {
    condition     = contains(["dev", "staging", "prd"], var.environment)
    error_message = "environment must be dev, staging or prd."
  }
}

variable "location" {
  description = "Azure region."
  type        = string
  default     = "westeurope"
}

variable "tenant_id" {
  description = "Entra ID tenant."
  type        = string
}

variable "address_space" {
  description = "VNet CIDR (/16), distinct per environment."
  type        = string
}

variable "acr_sku" {
  description = "Registry SKU."
  type        = string
  default     = "Standard"
}

variable "kubernetes_version" {
  description = "AKS Kubernetes minor version."
  type        = string
  default     = "1.31"
}

variable "aks_sku_tier" {
  description = "Free or Standard (uptime SLA)."
  type        = string
  default     = "Free"
}

variable "aks_node_vm_size" {
  description = "Node VM size."
  type        = string
  default     = "Standard_D2s_v5"
}

variable "aks_node_min_count" {
  description = "Minimum nodes."
  type        = number
  default     = 1
}

variable "aks_node_max_count" {
  description = "Maximum nodes."
  type        = number
  default     = 3
}

variable "admin_group_object_ids" {
  description = "Entra groups with AKS cluster-admin."
  type        = list(string)
  default     = []
}

variable "kubernetes_namespace" {
  description = "Namespace the service runs in."
  type        = string
}

variable "key_vault_allowed_ip_ranges" {
  description = "Public CIDRs allowed through the Key Vault firewall (Terraform Cloud agents)."
  type        = list(string)
  default     = []
}

variable "postgres_admin_group_object_id" {
  description = "Entra group administering PostgreSQL."
  type        = string
}

variable "postgres_admin_group_name" {
  description = "Display name of that group."
  type        = string
}

variable "postgres_sku" {
  description = "PostgreSQL compute SKU."
  type        = string
}

variable "postgres_storage_mb" {
  description = "PostgreSQL storage in MB."
  type        = number
  default     = 32768
}

variable "postgres_backup_retention_days" {
  description = "Point-in-time restore window."
  type        = number
  default     = 7
}

variable "postgres_geo_redundant_backup" {
  description = "Geo-redundant backups."
  type        = bool
  default     = false
}

variable "postgres_high_availability" {
  description = "Zone-redundant standby."
  type        = bool
  default     = false
}

variable "redis_sku_name" {
  description = "Azure Cache for Redis SKU: Basic (dev), Standard or Premium."
  type        = string
  default     = "Standard"
}

variable "redis_capacity" {
  description = "Azure Cache for Redis size within its family (C0 = 250 MB)."
  type        = number
  default     = 0
}

variable "log_retention_days" {
  description = "Log Analytics retention."
  type        = number
  default     = 30
}

variable "log_daily_quota_gb" {
  description = "Daily Log Analytics cap in GB (-1: none)."
  type        = number
  default     = -1
}

variable "alert_email" {
  description = "On-call e-mail."
  type        = string
}

variable "alert_webhook_url" {
  description = "Chat webhook for alerts (sensitive workspace variable)."
  type        = string
  default     = ""
  sensitive   = true
}

variable "public_base_url" {
  description = "Public URL of the service."
  type        = string
}

variable "github_repository" {
  description = "owner/name of the repository that deploys."
  type        = string
}

variable "github_environments" {
  description = "GitHub environments trusted by the deploy identity."
  type        = list(string)
}

variable "tags" {
  description = "Extra tags."
  type        = map(string)
  default     = {}
}
