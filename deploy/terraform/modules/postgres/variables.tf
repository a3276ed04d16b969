variable "name_prefix" {
  description = "Prefix of every resource name, e.g. qnt9-dev."
  type        = string
}

variable "location" {
  description = "Azure region."
  type        = string
}

variable "resource_group_name" {
  description = "Resource group of the server."
  type        = string
}

variable "tenant_id" {
  description = "Entra ID tenant for database authentication."
  type        = string
}

variable "vnet_id" {
  description = "VNet linked to the private DNS zone."
  type        = string
}

variable "subnet_id" {
  description = "Subnet delegated to Microsoft.DBforPostgreSQL/flexibleServers."
  type        = string
}

variable "key_vault_id" {
  description = "Key Vault that receives database-url, database-user and database-password."
  type        = string
}

variable "entra_admin_object_id" {
  description = "Object ID of the Entra group administering the server."
  type        = string
}

variable "entra_admin_name" {
  description = "Display name of that Entra group."
  type        = string
}

variable "postgres_version" {
  description = "PostgreSQL major version."
  type        = string
  default     = "16"
}

variable "sku_name" {
  description = "Compute SKU, e.g. B_Standard_B1ms (dev) or GP_Standard_D2ds_v5 (prd)."
  type        = string
}

variable "storage_mb" {
  description = "Storage size in MB."
  type        = number
  default     = 32768
}

variable "storage_tier" {
  description = "Premium SSD performance tier."
  type        = string
  default     = "P4"
}

variable "backup_retention_days" {
  description = "Point-in-time restore window (7-35 days)."
  type        = number
  default     = 7
}

variable "geo_redundant_backup" {
  description = "Geo-redundant backups (prd)."
  type        = bool
  default     = false
}

variable "high_availability" {
  description = "Zone-redundant standby (prd)."
  type        = bool
  default     = false
}

variable "database_name" {
  description = "Database of the service."
  type        = string
  default     = "qnt9"
}

variable "tags" {
  description = "Tags for every resource."
  type        = map(string)
  default     = {}
}
