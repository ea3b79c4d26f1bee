export type Json = string | number | boolean | null | { [key: string]: Json | undefined } | Json[];

export type Database = {
	private: {
		Tables: {
			[_ in never]: never;
		};
		Views: {
			[_ in never]: never;
		};
		Functions: {
			append_signal_event: {
				Args: {
					p_from: Database['public']['Enums']['signal_status'];
					p_kind: string;
					p_note: string;
					p_payload: Json;
					p_signal: string;
					p_to: Database['public']['Enums']['signal_status'];
				};
				Returns: undefined;
			};
			consented_need_point: { Args: { need: string }; Returns: number[] };
			council_need_demand: {
				Args: { p_gemeente: string; p_window_days: number };
				Returns: {
					buurt_code: string;
					households: number;
					theme_code: string;
				}[];
			};
			council_need_months: {
				Args: { p_gemeente: string; p_months: number };
				Returns: {
					households: number;
					month: string;
					theme_code: string;
				}[];
			};
			current_app_role: {
				Args: Record<PropertyKey, never>;
				Returns: Database['public']['Enums']['app_role'];
			};
			initiative_visible: { Args: { initiative: string }; Returns: boolean };
			is_admin: { Args: Record<PropertyKey, never>; Returns: boolean };
			is_council: { Args: Record<PropertyKey, never>; Returns: boolean };
			is_team_member: { Args: { team: string }; Returns: boolean };
			my_needs: {
				Args: Record<PropertyKey, never>;
				Returns: Database['public']['Tables']['needs']['Row'][];
				SetofOptions: {
					from: '*';
					to: 'needs';
					isOneToOne: false;
					isSetofReturn: true;
				};
			};
			need_receipt: {
				Args: { p_idempotency_key: string; p_receipt_hash: string };
				Returns: Database['public']['Tables']['needs']['Row'][];
				SetofOptions: {
					from: '*';
					to: 'needs';
					isOneToOne: false;
					isSetofReturn: true;
				};
			};
			owns_initiative: { Args: { initiative: string }; Returns: boolean };
			owns_unpublished_initiative: {
				Args: { initiative: string };
				Returns: boolean;
			};
			owns_volunteer: { Args: { volunteer: string }; Returns: boolean };
			request_buurt: { Args: { request: string }; Returns: string };
			serves_buurt: { Args: { buurt: string }; Returns: boolean };
			signal_step: {
				Args: { status: Database['public']['Enums']['signal_status'] };
				Returns: number;
			};
			signal_team: { Args: { signal: string }; Returns: string };
			team_directory: {
				Args: { p_team: string };
				Returns: {
					display_name: string;
					role_in_team: string;
					user_id: string;
				}[];
			};
			theme_household_totals: {
				Args: { p_gemeente: string; p_window_days: number };
				Returns: {
					households: number;
					households_with_need: number;
					theme_code: string;
				}[];
			};
			wijkteam_need_households: {
				Args: { p_window_days: number };
				Returns: {
					household_ref: number;
					need_id: string;
				}[];
			};
		};
		Enums: {
			[_ in never]: never;
		};
		CompositeTypes: {
			[_ in never]: never;
		};
	};
	public: {
		Tables: {
			buurt_adjacency: {
				Row: {
					buurt_a: string;
					buurt_b: string;
				};
				Insert: {
					buurt_a: string;
					buurt_b: string;
				};
				Update: {
					buurt_a?: string;
					buurt_b?: string;
				};
				Relationships: [
					{
						foreignKeyName: 'buurt_adjacency_buurt_a_fkey';
						columns: ['buurt_a'];
						isOneToOne: false;
						referencedRelation: 'buurten';
						referencedColumns: ['code'];
					},
					{
						foreignKeyName: 'buurt_adjacency_buurt_b_fkey';
						columns: ['buurt_b'];
						isOneToOne: false;
						referencedRelation: 'buurten';
						referencedColumns: ['code'];
					}
				];
			};
			buurten: {
				Row: {
					average_household_size: number | null;
					boundary: NonNullable<Json>;
					centroid_lat: number;
					centroid_lon: number;
					code: string;
					created_at: string;
					disability_benefits: number | null;
					gemeente_code: string;
					households: number | null;
					inhabitants: number | null;
					key_figures_year: number | null;
					land_area_ha: number | null;
					max_lat: number;
					max_lon: number;
					min_lat: number;
					min_lon: number;
					name: string;
					pct_age_0_14: number | null;
					pct_age_15_24: number | null;
					pct_age_25_44: number | null;
					pct_age_45_64: number | null;
					pct_age_65_plus: number | null;
					pct_households_with_children: number | null;
					pct_one_person_households: number | null;
					pension_benefits: number | null;
					social_assistance_benefits: number | null;
					unemployment_benefits: number | null;
					updated_at: string;
					wijk_code: string;
				};
				Insert: {
					average_household_size?: number | null;
					boundary: NonNullable<Json>;
					centroid_lat: number;
					centroid_lon: number;
					code: string;
					created_at?: string;
					disability_benefits?: number | null;
					gemeente_code: string;
					households?: number | null;
					inhabitants?: number | null;
					key_figures_year?: number | null;
					land_area_ha?: number | null;
					max_lat: number;
					max_lon: number;
					min_lat: number;
					min_lon: number;
					name: string;
					pct_age_0_14?: number | null;
					pct_age_15_24?: number | null;
					pct_age_25_44?: number | null;
					pct_age_45_64?: number | null;
					pct_age_65_plus?: number | null;
					pct_households_with_children?: number | null;
					pct_one_person_households?: number | null;
					pension_benefits?: number | null;
					social_assistance_benefits?: number | null;
					unemployment_benefits?: number | null;
					updated_at?: string;
					wijk_code: string;
				};
				Update: {
					average_household_size?: number | null;
					boundary?: NonNullable<Json>;
					centroid_lat?: number;
					centroid_lon?: number;
					code?: string;
					created_at?: string;
					disability_benefits?: number | null;
					gemeente_code?: string;
					households?: number | null;
					inhabitants?: number | null;
					key_figures_year?: number | null;
					land_area_ha?: number | null;
					max_lat?: number;
					max_lon?: number;
					min_lat?: number;
					min_lon?: number;
					name?: string;
					pct_age_0_14?: number | null;
					pct_age_15_24?: number | null;
					pct_age_25_44?: number | null;
					pct_age_45_64?: number | null;
					pct_age_65_plus?: number | null;
					pct_households_with_children?: number | null;
					pct_one_person_households?: number | null;
					pension_benefits?: number | null;
					social_assistance_benefits?: number | null;
					unemployment_benefits?: number | null;
					updated_at?: string;
					wijk_code?: string;
				};
				Relationships: [
					{
						foreignKeyName: 'buurten_gemeente_code_fkey';
						columns: ['gemeente_code'];
						isOneToOne: false;
						referencedRelation: 'gemeenten';
						referencedColumns: ['code'];
					},
					{
						foreignKeyName: 'buurten_wijk_code_fkey';
						columns: ['wijk_code'];
						isOneToOne: false;
						referencedRelation: 'wijken';
						referencedColumns: ['code'];
					}
				];
			};
			gemeenten: {
				Row: {
					code: string;
					created_at: string;
					is_fictional: boolean;
					name: string;
					source: string | null;
					updated_at: string;
				};
				Insert: {
					code: string;
					created_at?: string;
					is_fictional?: boolean;
					name: string;
					source?: string | null;
					updated_at?: string;
				};
				Update: {
					code?: string;
					created_at?: string;
					is_fictional?: boolean;
					name?: string;
					source?: string | null;
					updated_at?: string;
				};
				Relationships: [];
			};
			initiative_themes: {
				Row: {
					initiative_id: string;
					theme_code: string;
				};
				Insert: {
					initiative_id: string;
					theme_code: string;
				};
				Update: {
					initiative_id?: string;
					theme_code?: string;
				};
				Relationships: [
					{
						foreignKeyName: 'initiative_themes_initiative_id_fkey';
						columns: ['initiative_id'];
						isOneToOne: false;
						referencedRelation: 'initiatives';
						referencedColumns: ['id'];
					},
					{
						foreignKeyName: 'initiative_themes_theme_code_fkey';
						columns: ['theme_code'];
						isOneToOne: false;
						referencedRelation: 'themes';
						referencedColumns: ['code'];
					}
				];
			};
			initiatives: {
				Row: {
					accessibility: string[];
					address: string | null;
					buurt_code: string;
					contact_email: string | null;
					contact_phone: string | null;
					created_at: string;
					created_by: string | null;
					description: string;
					how_to_join: string;
					id: string;
					languages: string[];
					lat: number;
					lon: number;
					name: string;
					organisation_id: string | null;
					postcode: string | null;
					published_at: string | null;
					schedule: NonNullable<Json>;
					status: Database['public']['Enums']['initiative_status'];
					updated_at: string;
					website: string | null;
				};
				Insert: {
					accessibility?: string[];
					address?: string | null;
					buurt_code: string;
					contact_email?: string | null;
					contact_phone?: string | null;
					created_at?: string;
					created_by?: string | null;
					description?: string;
					how_to_join?: string;
					id?: string;
					languages?: string[];
					lat: number;
					lon: number;
					name: string;
					organisation_id?: string | null;
					postcode?: string | null;
					published_at?: string | null;
					schedule?: NonNullable<Json>;
					status?: Database['public']['Enums']['initiative_status'];
					updated_at?: string;
					website?: string | null;
				};
				Update: {
					accessibility?: string[];
					address?: string | null;
					buurt_code?: string;
					contact_email?: string | null;
					contact_phone?: string | null;
					created_at?: string;
					created_by?: string | null;
					description?: string;
					how_to_join?: string;
					id?: string;
					languages?: string[];
					lat?: number;
					lon?: number;
					name?: string;
					organisation_id?: string | null;
					postcode?: string | null;
					published_at?: string | null;
					schedule?: NonNullable<Json>;
					status?: Database['public']['Enums']['initiative_status'];
					updated_at?: string;
					website?: string | null;
				};
				Relationships: [
					{
						foreignKeyName: 'initiatives_buurt_code_fkey';
						columns: ['buurt_code'];
						isOneToOne: false;
						referencedRelation: 'buurten';
						referencedColumns: ['code'];
					},
					{
						foreignKeyName: 'initiatives_organisation_id_fkey';
						columns: ['organisation_id'];
						isOneToOne: false;
						referencedRelation: 'organisations';
						referencedColumns: ['id'];
					}
				];
			};
			need_aggregates: {
				Row: {
					area_code: string;
					area_level: string;
					computed_at: string;
					display: string;
					gemeente_code: string;
					households: number | null;
					rate_per_1000: number | null;
					rounded_count: number | null;
					theme_code: string;
					window_end: string;
					window_months: number;
					window_start: string;
				};
				Insert: {
					area_code: string;
					area_level: string;
					computed_at?: string;
					display: string;
					gemeente_code: string;
					households?: number | null;
					rate_per_1000?: number | null;
					rounded_count?: number | null;
					theme_code: string;
					window_end: string;
					window_months: number;
					window_start: string;
				};
				Update: {
					area_code?: string;
					area_level?: string;
					computed_at?: string;
					display?: string;
					gemeente_code?: string;
					households?: number | null;
					rate_per_1000?: number | null;
					rounded_count?: number | null;
					theme_code?: string;
					window_end?: string;
					window_months?: number;
					window_start?: string;
				};
				Relationships: [
					{
						foreignKeyName: 'need_aggregates_gemeente_code_fkey';
						columns: ['gemeente_code'];
						isOneToOne: false;
						referencedRelation: 'gemeenten';
						referencedColumns: ['code'];
					}
				];
			};
			needs: {
				Row: {
					buurt_code: string;
					consent_version: string | null;
					contact_consent: boolean;
					contact_method: string | null;
					contact_value: string | null;
					description: string | null;
					expires_at: string;
					household_key: string;
					household_size: number | null;
					id: string;
					idempotency_key: string | null;
					point_lat: number | null;
					point_lon: number | null;
					receipt_hash: string | null;
					reported_at: string;
					reporter_id: string | null;
					status: Database['public']['Enums']['need_status'];
					theme_code: string;
				};
				Insert: {
					buurt_code: string;
					consent_version?: string | null;
					contact_consent?: boolean;
					contact_method?: string | null;
					contact_value?: string | null;
					description?: string | null;
					expires_at?: string;
					household_key: string;
					household_size?: number | null;
					id?: string;
					idempotency_key?: string | null;
					point_lat?: number | null;
					point_lon?: number | null;
					receipt_hash?: string | null;
					reported_at?: string;
					reporter_id?: string | null;
					status?: Database['public']['Enums']['need_status'];
					theme_code: string;
				};
				Update: {
					buurt_code?: string;
					consent_version?: string | null;
					contact_consent?: boolean;
					contact_method?: string | null;
					contact_value?: string | null;
					description?: string | null;
					expires_at?: string;
					household_key?: string;
					household_size?: number | null;
					id?: string;
					idempotency_key?: string | null;
					point_lat?: number | null;
					point_lon?: number | null;
					receipt_hash?: string | null;
					reported_at?: string;
					reporter_id?: string | null;
					status?: Database['public']['Enums']['need_status'];
					theme_code?: string;
				};
				Relationships: [
					{
						foreignKeyName: 'needs_buurt_code_fkey';
						columns: ['buurt_code'];
						isOneToOne: false;
						referencedRelation: 'buurten';
						referencedColumns: ['code'];
					},
					{
						foreignKeyName: 'needs_theme_code_fkey';
						columns: ['theme_code'];
						isOneToOne: false;
						referencedRelation: 'themes';
						referencedColumns: ['code'];
					}
				];
			};
			organisations: {
				Row: {
					created_at: string;
					email: string | null;
					gemeente_code: string | null;
					id: string;
					kind: string;
					name: string;
					phone: string | null;
					updated_at: string;
					website: string | null;
				};
				Insert: {
					created_at?: string;
					email?: string | null;
					gemeente_code?: string | null;
					id?: string;
					kind?: string;
					name: string;
					phone?: string | null;
					updated_at?: string;
					website?: string | null;
				};
				Update: {
					created_at?: string;
					email?: string | null;
					gemeente_code?: string | null;
					id?: string;
					kind?: string;
					name?: string;
					phone?: string | null;
					updated_at?: string;
					website?: string | null;
				};
				Relationships: [
					{
						foreignKeyName: 'organisations_gemeente_code_fkey';
						columns: ['gemeente_code'];
						isOneToOne: false;
						referencedRelation: 'gemeenten';
						referencedColumns: ['code'];
					}
				];
			};
			planning_scenarios: {
				Row: {
					candidates: NonNullable<Json>;
					created_at: string;
					created_by: string | null;
					gemeente_code: string;
					id: string;
					include_expected: boolean;
					kind: string;
					name: string;
					subject: string;
					total_demand: number | null;
					unmet_after: number | null;
					unmet_before: number | null;
					updated_at: string;
					window_days: number;
				};
				Insert: {
					candidates: NonNullable<Json>;
					created_at?: string;
					created_by?: string | null;
					gemeente_code: string;
					id?: string;
					include_expected?: boolean;
					kind: string;
					name: string;
					subject: string;
					total_demand?: number | null;
					unmet_after?: number | null;
					unmet_before?: number | null;
					updated_at?: string;
					window_days: number;
				};
				Update: {
					candidates?: NonNullable<Json>;
					created_at?: string;
					created_by?: string | null;
					gemeente_code?: string;
					id?: string;
					include_expected?: boolean;
					kind?: string;
					name?: string;
					subject?: string;
					total_demand?: number | null;
					unmet_after?: number | null;
					unmet_before?: number | null;
					updated_at?: string;
					window_days?: number;
				};
				Relationships: [
					{
						foreignKeyName: 'planning_scenarios_gemeente_code_fkey';
						columns: ['gemeente_code'];
						isOneToOne: false;
						referencedRelation: 'gemeenten';
						referencedColumns: ['code'];
					}
				];
			};
			profiles: {
				Row: {
					created_at: string;
					display_name: string | null;
					gemeente_code: string | null;
					id: string;
					locale: string;
					role: Database['public']['Enums']['app_role'];
					updated_at: string;
				};
				Insert: {
					created_at?: string;
					display_name?: string | null;
					gemeente_code?: string | null;
					id: string;
					locale?: string;
					role?: Database['public']['Enums']['app_role'];
					updated_at?: string;
				};
				Update: {
					created_at?: string;
					display_name?: string | null;
					gemeente_code?: string | null;
					id?: string;
					locale?: string;
					role?: Database['public']['Enums']['app_role'];
					updated_at?: string;
				};
				Relationships: [
					{
						foreignKeyName: 'profiles_gemeente_code_fkey';
						columns: ['gemeente_code'];
						isOneToOne: false;
						referencedRelation: 'gemeenten';
						referencedColumns: ['code'];
					}
				];
			};
			provisions: {
				Row: {
					accessibility: string[];
					address: string | null;
					buurt_code: string;
					catchment_minutes: number;
					contact_email: string | null;
					contact_phone: string | null;
					created_at: string;
					description: string;
					how_to_join: string;
					id: string;
					languages: string[];
					lat: number;
					lon: number;
					name: string;
					organisation_id: string | null;
					postcode: string | null;
					schedule: NonNullable<Json>;
					status: Database['public']['Enums']['provision_status'];
					theme_code: string;
					updated_at: string;
					website: string | null;
					weekly_capacity: number;
				};
				Insert: {
					accessibility?: string[];
					address?: string | null;
					buurt_code: string;
					catchment_minutes?: number;
					contact_email?: string | null;
					contact_phone?: string | null;
					created_at?: string;
					description?: string;
					how_to_join?: string;
					id?: string;
					languages?: string[];
					lat: number;
					lon: number;
					name: string;
					organisation_id?: string | null;
					postcode?: string | null;
					schedule?: NonNullable<Json>;
					status?: Database['public']['Enums']['provision_status'];
					theme_code: string;
					updated_at?: string;
					website?: string | null;
					weekly_capacity: number;
				};
				Update: {
					accessibility?: string[];
					address?: string | null;
					buurt_code?: string;
					catchment_minutes?: number;
					contact_email?: string | null;
					contact_phone?: string | null;
					created_at?: string;
					description?: string;
					how_to_join?: string;
					id?: string;
					languages?: string[];
					lat?: number;
					lon?: number;
					name?: string;
					organisation_id?: string | null;
					postcode?: string | null;
					schedule?: NonNullable<Json>;
					status?: Database['public']['Enums']['provision_status'];
					theme_code?: string;
					updated_at?: string;
					website?: string | null;
					weekly_capacity?: number;
				};
				Relationships: [
					{
						foreignKeyName: 'provisions_buurt_code_fkey';
						columns: ['buurt_code'];
						isOneToOne: false;
						referencedRelation: 'buurten';
						referencedColumns: ['code'];
					},
					{
						foreignKeyName: 'provisions_organisation_id_fkey';
						columns: ['organisation_id'];
						isOneToOne: false;
						referencedRelation: 'organisations';
						referencedColumns: ['id'];
					},
					{
						foreignKeyName: 'provisions_theme_code_fkey';
						columns: ['theme_code'];
						isOneToOne: false;
						referencedRelation: 'themes';
						referencedColumns: ['code'];
					}
				];
			};
			signal_events: {
				Row: {
					actor_id: string | null;
					created_at: string;
					from_status: Database['public']['Enums']['signal_status'] | null;
					id: number;
					kind: string;
					note: string | null;
					payload: NonNullable<Json>;
					signal_id: string;
					to_status: Database['public']['Enums']['signal_status'] | null;
				};
				Insert: {
					actor_id?: string | null;
					created_at?: string;
					from_status?: Database['public']['Enums']['signal_status'] | null;
					id?: never;
					kind: string;
					note?: string | null;
					payload?: NonNullable<Json>;
					signal_id: string;
					to_status?: Database['public']['Enums']['signal_status'] | null;
				};
				Update: {
					actor_id?: string | null;
					created_at?: string;
					from_status?: Database['public']['Enums']['signal_status'] | null;
					id?: never;
					kind?: string;
					note?: string | null;
					payload?: NonNullable<Json>;
					signal_id?: string;
					to_status?: Database['public']['Enums']['signal_status'] | null;
				};
				Relationships: [
					{
						foreignKeyName: 'signal_events_signal_id_fkey';
						columns: ['signal_id'];
						isOneToOne: false;
						referencedRelation: 'signals';
						referencedColumns: ['id'];
					}
				];
			};
			signals: {
				Row: {
					assessment: string | null;
					assigned_to: string | null;
					burgerkracht: Json | null;
					buurt_codes: string[];
					change_note: string | null;
					created_at: string;
					created_by: string | null;
					detection: Json | null;
					household_count: number;
					households_reached: number | null;
					id: string;
					intervention_kind: string | null;
					intervention_note: string | null;
					leefgebieden: string[];
					linked_initiative_id: string | null;
					linked_provision_id: string | null;
					outcome: string | null;
					source: string;
					status: Database['public']['Enums']['signal_status'];
					team_id: string;
					theme_code: string;
					title: string;
					updated_at: string;
					urgency: string | null;
					version: number;
				};
				Insert: {
					assessment?: string | null;
					assigned_to?: string | null;
					burgerkracht?: Json | null;
					buurt_codes: string[];
					change_note?: string | null;
					created_at?: string;
					created_by?: string | null;
					detection?: Json | null;
					household_count?: number;
					households_reached?: number | null;
					id?: string;
					intervention_kind?: string | null;
					intervention_note?: string | null;
					leefgebieden?: string[];
					linked_initiative_id?: string | null;
					linked_provision_id?: string | null;
					outcome?: string | null;
					source?: string;
					status?: Database['public']['Enums']['signal_status'];
					team_id: string;
					theme_code: string;
					title: string;
					updated_at?: string;
					urgency?: string | null;
					version?: number;
				};
				Update: {
					assessment?: string | null;
					assigned_to?: string | null;
					burgerkracht?: Json | null;
					buurt_codes?: string[];
					change_note?: string | null;
					created_at?: string;
					created_by?: string | null;
					detection?: Json | null;
					household_count?: number;
					households_reached?: number | null;
					id?: string;
					intervention_kind?: string | null;
					intervention_note?: string | null;
					leefgebieden?: string[];
					linked_initiative_id?: string | null;
					linked_provision_id?: string | null;
					outcome?: string | null;
					source?: string;
					status?: Database['public']['Enums']['signal_status'];
					team_id?: string;
					theme_code?: string;
					title?: string;
					updated_at?: string;
					urgency?: string | null;
					version?: number;
				};
				Relationships: [
					{
						foreignKeyName: 'signals_linked_initiative_id_fkey';
						columns: ['linked_initiative_id'];
						isOneToOne: false;
						referencedRelation: 'initiatives';
						referencedColumns: ['id'];
					},
					{
						foreignKeyName: 'signals_linked_provision_id_fkey';
						columns: ['linked_provision_id'];
						isOneToOne: false;
						referencedRelation: 'provisions';
						referencedColumns: ['id'];
					},
					{
						foreignKeyName: 'signals_team_id_fkey';
						columns: ['team_id'];
						isOneToOne: false;
						referencedRelation: 'teams';
						referencedColumns: ['id'];
					},
					{
						foreignKeyName: 'signals_theme_code_fkey';
						columns: ['theme_code'];
						isOneToOne: false;
						referencedRelation: 'themes';
						referencedColumns: ['code'];
					}
				];
			};
			team_areas: {
				Row: {
					buurt_code: string;
					team_id: string;
				};
				Insert: {
					buurt_code: string;
					team_id: string;
				};
				Update: {
					buurt_code?: string;
					team_id?: string;
				};
				Relationships: [
					{
						foreignKeyName: 'team_areas_buurt_code_fkey';
						columns: ['buurt_code'];
						isOneToOne: false;
						referencedRelation: 'buurten';
						referencedColumns: ['code'];
					},
					{
						foreignKeyName: 'team_areas_team_id_fkey';
						columns: ['team_id'];
						isOneToOne: false;
						referencedRelation: 'teams';
						referencedColumns: ['id'];
					}
				];
			};
			team_members: {
				Row: {
					created_at: string;
					role_in_team: string;
					team_id: string;
					user_id: string;
				};
				Insert: {
					created_at?: string;
					role_in_team?: string;
					team_id: string;
					user_id: string;
				};
				Update: {
					created_at?: string;
					role_in_team?: string;
					team_id?: string;
					user_id?: string;
				};
				Relationships: [
					{
						foreignKeyName: 'team_members_team_id_fkey';
						columns: ['team_id'];
						isOneToOne: false;
						referencedRelation: 'teams';
						referencedColumns: ['id'];
					}
				];
			};
			teams: {
				Row: {
					created_at: string;
					gemeente_code: string;
					id: string;
					name: string;
					updated_at: string;
				};
				Insert: {
					created_at?: string;
					gemeente_code: string;
					id?: string;
					name: string;
					updated_at?: string;
				};
				Update: {
					created_at?: string;
					gemeente_code?: string;
					id?: string;
					name?: string;
					updated_at?: string;
				};
				Relationships: [
					{
						foreignKeyName: 'teams_gemeente_code_fkey';
						columns: ['gemeente_code'];
						isOneToOne: false;
						referencedRelation: 'gemeenten';
						referencedColumns: ['code'];
					}
				];
			};
			themes: {
				Row: {
					code: string;
					description_en: string;
					description_nl: string;
					law: Database['public']['Enums']['law'];
					name_en: string;
					name_nl: string;
					sort_order: number;
				};
				Insert: {
					code: string;
					description_en?: string;
					description_nl?: string;
					law: Database['public']['Enums']['law'];
					name_en: string;
					name_nl: string;
					sort_order?: number;
				};
				Update: {
					code?: string;
					description_en?: string;
					description_nl?: string;
					law?: Database['public']['Enums']['law'];
					name_en?: string;
					name_nl?: string;
					sort_order?: number;
				};
				Relationships: [];
			};
			volunteer_matches: {
				Row: {
					created_at: string;
					id: string;
					matched_by: string | null;
					request_id: string;
					status: string;
					updated_at: string;
					volunteer_id: string;
				};
				Insert: {
					created_at?: string;
					id?: string;
					matched_by?: string | null;
					request_id: string;
					status?: string;
					updated_at?: string;
					volunteer_id: string;
				};
				Update: {
					created_at?: string;
					id?: string;
					matched_by?: string | null;
					request_id?: string;
					status?: string;
					updated_at?: string;
					volunteer_id?: string;
				};
				Relationships: [
					{
						foreignKeyName: 'volunteer_matches_request_id_fkey';
						columns: ['request_id'];
						isOneToOne: false;
						referencedRelation: 'volunteer_requests';
						referencedColumns: ['id'];
					},
					{
						foreignKeyName: 'volunteer_matches_volunteer_id_fkey';
						columns: ['volunteer_id'];
						isOneToOne: false;
						referencedRelation: 'volunteers';
						referencedColumns: ['id'];
					}
				];
			};
			volunteer_requests: {
				Row: {
					buurt_code: string;
					created_at: string;
					created_by: string | null;
					description: string;
					id: string;
					initiative_id: string | null;
					provision_id: string | null;
					status: string;
					theme_code: string | null;
					title: string;
					updated_at: string;
					volunteers_needed: number;
				};
				Insert: {
					buurt_code: string;
					created_at?: string;
					created_by?: string | null;
					description?: string;
					id?: string;
					initiative_id?: string | null;
					provision_id?: string | null;
					status?: string;
					theme_code?: string | null;
					title: string;
					updated_at?: string;
					volunteers_needed?: number;
				};
				Update: {
					buurt_code?: string;
					created_at?: string;
					created_by?: string | null;
					description?: string;
					id?: string;
					initiative_id?: string | null;
					provision_id?: string | null;
					status?: string;
					theme_code?: string | null;
					title?: string;
					updated_at?: string;
					volunteers_needed?: number;
				};
				Relationships: [
					{
						foreignKeyName: 'volunteer_requests_buurt_code_fkey';
						columns: ['buurt_code'];
						isOneToOne: false;
						referencedRelation: 'buurten';
						referencedColumns: ['code'];
					},
					{
						foreignKeyName: 'volunteer_requests_initiative_id_fkey';
						columns: ['initiative_id'];
						isOneToOne: false;
						referencedRelation: 'initiatives';
						referencedColumns: ['id'];
					},
					{
						foreignKeyName: 'volunteer_requests_provision_id_fkey';
						columns: ['provision_id'];
						isOneToOne: false;
						referencedRelation: 'provisions';
						referencedColumns: ['id'];
					},
					{
						foreignKeyName: 'volunteer_requests_theme_code_fkey';
						columns: ['theme_code'];
						isOneToOne: false;
						referencedRelation: 'themes';
						referencedColumns: ['code'];
					}
				];
			};
			volunteer_themes: {
				Row: {
					theme_code: string;
					volunteer_id: string;
				};
				Insert: {
					theme_code: string;
					volunteer_id: string;
				};
				Update: {
					theme_code?: string;
					volunteer_id?: string;
				};
				Relationships: [
					{
						foreignKeyName: 'volunteer_themes_theme_code_fkey';
						columns: ['theme_code'];
						isOneToOne: false;
						referencedRelation: 'themes';
						referencedColumns: ['code'];
					},
					{
						foreignKeyName: 'volunteer_themes_volunteer_id_fkey';
						columns: ['volunteer_id'];
						isOneToOne: false;
						referencedRelation: 'volunteers';
						referencedColumns: ['id'];
					}
				];
			};
			volunteers: {
				Row: {
					active: boolean;
					availability: NonNullable<Json>;
					created_at: string;
					display_name: string;
					home_buurt_code: string | null;
					hours_per_week: number | null;
					id: string;
					skills: string[];
					updated_at: string;
					user_id: string | null;
				};
				Insert: {
					active?: boolean;
					availability?: NonNullable<Json>;
					created_at?: string;
					display_name: string;
					home_buurt_code?: string | null;
					hours_per_week?: number | null;
					id?: string;
					skills?: string[];
					updated_at?: string;
					user_id?: string | null;
				};
				Update: {
					active?: boolean;
					availability?: NonNullable<Json>;
					created_at?: string;
					display_name?: string;
					home_buurt_code?: string | null;
					hours_per_week?: number | null;
					id?: string;
					skills?: string[];
					updated_at?: string;
					user_id?: string | null;
				};
				Relationships: [
					{
						foreignKeyName: 'volunteers_home_buurt_code_fkey';
						columns: ['home_buurt_code'];
						isOneToOne: false;
						referencedRelation: 'buurten';
						referencedColumns: ['code'];
					}
				];
			};
			wijken: {
				Row: {
					boundary: Json | null;
					centroid_lat: number | null;
					centroid_lon: number | null;
					code: string;
					created_at: string;
					gemeente_code: string;
					name: string;
					updated_at: string;
				};
				Insert: {
					boundary?: Json | null;
					centroid_lat?: number | null;
					centroid_lon?: number | null;
					code: string;
					created_at?: string;
					gemeente_code: string;
					name: string;
					updated_at?: string;
				};
				Update: {
					boundary?: Json | null;
					centroid_lat?: number | null;
					centroid_lon?: number | null;
					code?: string;
					created_at?: string;
					gemeente_code?: string;
					name?: string;
					updated_at?: string;
				};
				Relationships: [
					{
						foreignKeyName: 'wijken_gemeente_code_fkey';
						columns: ['gemeente_code'];
						isOneToOne: false;
						referencedRelation: 'gemeenten';
						referencedColumns: ['code'];
					}
				];
			};
			workspace_digests: {
				Row: {
					candidate_keys: string[];
					sent_at: string;
					team_id: string;
				};
				Insert: {
					candidate_keys?: string[];
					sent_at?: string;
					team_id: string;
				};
				Update: {
					candidate_keys?: string[];
					sent_at?: string;
					team_id?: string;
				};
				Relationships: [
					{
						foreignKeyName: 'workspace_digests_team_id_fkey';
						columns: ['team_id'];
						isOneToOne: true;
						referencedRelation: 'teams';
						referencedColumns: ['id'];
					}
				];
			};
			workspace_visits: {
				Row: {
					last_visit_at: string;
					previous_visit_at: string | null;
					user_id: string;
				};
				Insert: {
					last_visit_at?: string;
					previous_visit_at?: string | null;
					user_id: string;
				};
				Update: {
					last_visit_at?: string;
					previous_visit_at?: string | null;
					user_id?: string;
				};
				Relationships: [];
			};
		};
		Views: {
			needs_for_wijkteam: {
				Row: {
					buurt_code: string | null;
					contact_consent: boolean | null;
					contact_method: string | null;
					contact_value: string | null;
					description: string | null;
					expires_at: string | null;
					household_size: number | null;
					id: string | null;
					point_lat: number | null;
					point_lon: number | null;
					reported_at: string | null;
					status: Database['public']['Enums']['need_status'] | null;
					theme_code: string | null;
				};
				Relationships: [
					{
						foreignKeyName: 'needs_buurt_code_fkey';
						columns: ['buurt_code'];
						isOneToOne: false;
						referencedRelation: 'buurten';
						referencedColumns: ['code'];
					},
					{
						foreignKeyName: 'needs_theme_code_fkey';
						columns: ['theme_code'];
						isOneToOne: false;
						referencedRelation: 'themes';
						referencedColumns: ['code'];
					}
				];
			};
		};
		Functions: {
			admin_list_users: {
				Args: Record<PropertyKey, never>;
				Returns: {
					created_at: string;
					display_name: string;
					email: string;
					id: string;
					role: Database['public']['Enums']['app_role'];
				}[];
			};
			find_normalise: { Args: { value: string }; Returns: string };
			find_text_matches: {
				Args: { document: string; query: string };
				Returns: boolean;
			};
		};
		Enums: {
			app_role: 'resident' | 'wijkteam' | 'council' | 'admin';
			initiative_status: 'draft' | 'pending' | 'published' | 'archived';
			law: 'wmo2015' | 'jeugdwet' | 'participatiewet' | 'geen';
			need_status: 'open' | 'in_behandeling' | 'afgehandeld' | 'ingetrokken';
			provision_status: 'draft' | 'published' | 'archived';
			signal_status: 'signaleren' | 'beoordelen' | 'interveniëren' | 'evalueren' | 'afgesloten';
		};
		CompositeTypes: {
			[_ in never]: never;
		};
	};
};

type DatabaseWithoutInternals = Omit<Database, '__InternalSupabase'>;

type DefaultSchema = DatabaseWithoutInternals[Extract<keyof Database, 'public'>];

export type Tables<
	DefaultSchemaTableNameOrOptions extends
		| keyof (DefaultSchema['Tables'] & DefaultSchema['Views'])
		| { schema: keyof DatabaseWithoutInternals },
	TableName extends (DefaultSchemaTableNameOrOptions extends {
		schema: keyof DatabaseWithoutInternals;
	}
		? keyof (DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions['schema']]['Tables'] &
				DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions['schema']]['Views'])
		: never) = never
> = DefaultSchemaTableNameOrOptions extends {
	schema: keyof DatabaseWithoutInternals;
}
	? (DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions['schema']]['Tables'] &
			DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions['schema']]['Views'])[TableName] extends {
			Row: infer R;
		}
		? R
		: never
	: DefaultSchemaTableNameOrOptions extends keyof (DefaultSchema['Tables'] & DefaultSchema['Views'])
		? (DefaultSchema['Tables'] & DefaultSchema['Views'])[DefaultSchemaTableNameOrOptions] extends {
				Row: infer R;
			}
			? R
			: never
		: never;

export type TablesInsert<
	DefaultSchemaTableNameOrOptions extends
		keyof DefaultSchema['Tables'] | { schema: keyof DatabaseWithoutInternals },
	TableName extends (DefaultSchemaTableNameOrOptions extends {
		schema: keyof DatabaseWithoutInternals;
	}
		? keyof DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions['schema']]['Tables']
		: never) = never
> = DefaultSchemaTableNameOrOptions extends {
	schema: keyof DatabaseWithoutInternals;
}
	? DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions['schema']]['Tables'][TableName] extends {
			Insert: infer I;
		}
		? I
		: never
	: DefaultSchemaTableNameOrOptions extends keyof DefaultSchema['Tables']
		? DefaultSchema['Tables'][DefaultSchemaTableNameOrOptions] extends {
				Insert: infer I;
			}
			? I
			: never
		: never;

export type TablesUpdate<
	DefaultSchemaTableNameOrOptions extends
		keyof DefaultSchema['Tables'] | { schema: keyof DatabaseWithoutInternals },
	TableName extends (DefaultSchemaTableNameOrOptions extends {
		schema: keyof DatabaseWithoutInternals;
	}
		? keyof DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions['schema']]['Tables']
		: never) = never
> = DefaultSchemaTableNameOrOptions extends {
	schema: keyof DatabaseWithoutInternals;
}
	? DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions['schema']]['Tables'][TableName] extends {
			Update: infer U;
		}
		? U
		: never
	: DefaultSchemaTableNameOrOptions extends keyof DefaultSchema['Tables']
		? DefaultSchema['Tables'][DefaultSchemaTableNameOrOptions] extends {
				Update: infer U;
			}
			? U
			: never
		: never;

export type Enums<
	DefaultSchemaEnumNameOrOptions extends
		keyof DefaultSchema['Enums'] | { schema: keyof DatabaseWithoutInternals },
	EnumName extends (DefaultSchemaEnumNameOrOptions extends {
		schema: keyof DatabaseWithoutInternals;
	}
		? keyof DatabaseWithoutInternals[DefaultSchemaEnumNameOrOptions['schema']]['Enums']
		: never) = never
> = DefaultSchemaEnumNameOrOptions extends {
	schema: keyof DatabaseWithoutInternals;
}
	? DatabaseWithoutInternals[DefaultSchemaEnumNameOrOptions['schema']]['Enums'][EnumName]
	: DefaultSchemaEnumNameOrOptions extends keyof DefaultSchema['Enums']
		? DefaultSchema['Enums'][DefaultSchemaEnumNameOrOptions]
		: never;

export type CompositeTypes<
	PublicCompositeTypeNameOrOptions extends
		keyof DefaultSchema['CompositeTypes'] | { schema: keyof DatabaseWithoutInternals },
	CompositeTypeName extends (PublicCompositeTypeNameOrOptions extends {
		schema: keyof DatabaseWithoutInternals;
	}
		? keyof DatabaseWithoutInternals[PublicCompositeTypeNameOrOptions['schema']]['CompositeTypes']
		: never) = never
> = PublicCompositeTypeNameOrOptions extends {
	schema: keyof DatabaseWithoutInternals;
}
	? DatabaseWithoutInternals[PublicCompositeTypeNameOrOptions['schema']]['CompositeTypes'][CompositeTypeName]
	: PublicCompositeTypeNameOrOptions extends keyof DefaultSchema['CompositeTypes']
		? DefaultSchema['CompositeTypes'][PublicCompositeTypeNameOrOptions]
		: never;

export const Constants = {
	private: {
		Enums: {}
	},
	public: {
		Enums: {
			app_role: ['resident', 'wijkteam', 'council', 'admin'],
			initiative_status: ['draft', 'pending', 'published', 'archived'],
			law: ['wmo2015', 'jeugdwet', 'participatiewet', 'geen'],
			need_status: ['open', 'in_behandeling', 'afgehandeld', 'ingetrokken'],
			provision_status: ['draft', 'published', 'archived'],
			signal_status: ['signaleren', 'beoordelen', 'interveniëren', 'evalueren', 'afgesloten']
		}
	}
} as const;
